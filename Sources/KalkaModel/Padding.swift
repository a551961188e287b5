extension String {
    /// The text with zeros before it up to `width` characters ("2D" → "002D"): code points and
    /// escapes in messages and reports.
    package func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
