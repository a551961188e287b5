public enum KalkaVersion {
    public static let current = "0.2.0"
}
