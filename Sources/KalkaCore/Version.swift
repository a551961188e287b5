public enum KalkaVersion {
    public static let current = "0.1.0"
}
