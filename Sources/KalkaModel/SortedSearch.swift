extension RandomAccessCollection where Index == Int {
    /// The index of the first element for which `isBefore` is false, in a collection where it
    /// holds for a prefix only (a binary search): what every "which sentence, paragraph, block or
    /// piece holds this offset" lookup asks.
    @inlinable package func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let mid = low + (high - low) / 2
            if isBefore(self[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
