/// A unified diff (as `diff -u` prints it) between two texts, by lines, with Myers' algorithm.
public enum UnifiedDiff {
    public static func diff(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let script = editScript(a, b)
        guard script.contains(where: { $0 != .keep }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Walk the script, cutting it into hunks with `context` lines around each change.
        var operations: [(Operation, Int, Int)] = [] // operation, index in a, index in b
        var i = 0, j = 0
        for operation in script {
            operations.append((operation, i, j))
            switch operation {
            case .keep: i += 1; j += 1
            case .delete: i += 1
            case .insert: j += 1
            }
        }
        var index = 0
        while index < operations.count {
            guard let firstChange = operations[index...].firstIndex(where: { $0.0 != .keep }) else { break }
            let start = max(index, firstChange - context)
            var end = firstChange
            // Extend while the next change is within 2 * context unchanged lines.
            var scan = firstChange
            while scan < operations.count {
                if operations[scan].0 != .keep { end = scan; scan += 1; continue }
                var run = scan
                while run < operations.count && operations[run].0 == .keep { run += 1 }
                if run < operations.count && run - scan <= 2 * context { scan = run } else { break }
            }
            let stop = min(operations.count, end + context + 1)
            let hunk = operations[start..<stop]
            let oldStart = hunk.first!.1, newStart = hunk.first!.2
            let oldCount = hunk.filter { $0.0 != .insert }.count
            let newCount = hunk.filter { $0.0 != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for (operation, ai, bj) in hunk {
                switch operation {
                case .keep: out += " " + text(a[ai])
                case .delete: out += "-" + text(a[ai])
                case .insert: out += "+" + text(b[bj])
                }
            }
            index = stop
        }
        return out
    }

    enum Operation: Equatable { case keep, delete, insert }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start + 1)" : "\(count == 0 ? start : start + 1),\(count)"
    }

    private static func text(_ line: ArraySlice<UInt8>) -> String {
        let string = String(decoding: line, as: UTF8.self)
        // Bytes, not characters: "\r\n" is one Character, which is not "\n".
        return line.last == 0x0A ? string : string + "\n\\ No newline at end of file\n"
    }

    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    /// The shortest edit script from `a` to `b` (Myers 1986, O((N+M)D)).
    static func editScript(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Operation] {
        let n = a.count, m = b.count, maximum = n + m
        var frontier = [Int](repeating: 0, count: 2 * maximum + 2)
        var trace: [[Int]] = []
        var found = false
        for depth in 0...maximum {
            trace.append(frontier)
            for k in stride(from: -depth, through: depth, by: 2) {
                var x = (k == -depth || (k != depth && frontier[maximum + k - 1] < frontier[maximum + k + 1]))
                    ? frontier[maximum + k + 1] : frontier[maximum + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                frontier[maximum + k] = x
                if x >= n && y >= m { found = true; break }
            }
            if found { break }
        }
        // Backtrack through the saved frontiers.
        var operations: [Operation] = []
        var x = n, y = m
        for depth in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[depth]
            let k = x - y
            let previousK = (k == -depth || (k != depth && v[maximum + k - 1] < v[maximum + k + 1])) ? k + 1 : k - 1
            let previousX = depth == 0 ? 0 : v[maximum + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                operations.append(.keep); x -= 1; y -= 1
            }
            if depth > 0 {
                operations.append(x == previousX ? .insert : .delete)
                x = previousX
                y = previousY
            }
        }
        while x > 0 && y > 0 { operations.append(.keep); x -= 1; y -= 1 }
        return operations.reversed()
    }
}
