// The kalka library as one import. The code lives in the layered targets below (see
// ARCHITECTURE.md); a program that needs only part of it may import that layer alone.
@_exported import KalkaModel
@_exported import KalkaText
@_exported import KalkaKnowledge
@_exported import KalkaRules
@_exported import KalkaEngine
@_exported import KalkaOutput
