import Testing
import KalkaCore

/// A token packs its kind, case shape and script into a few bits and reads them back by bit
/// pattern (every rule reads them for every token): each case must come back as itself.
@Suite struct TokenTests {
    @Test func packedFieldsReadBackEveryCase() {
        for kind in TokenKind.allCases {
            for shape in CaseShape.allCases {
                for script in TokenScript.allCases {
                    for isBreak in [false, true] {
                        let token = Token(start: 7, end: 19, kind: kind, shape: shape, script: script,
                                          isParagraphBreak: isBreak, foldedHash: 0xDEAD_BEEF)
                        #expect(token.kind == kind && token.shape == shape && token.script == script)
                        #expect(token.isParagraphBreak == isBreak && token.range == 7..<19 && token.foldedHash == 0xDEAD_BEEF)
                    }
                }
            }
        }
    }
}
