import Foundation
import Testing
@testable import SynqTUI

/// Compares rendered text with `Snapshots/NAME.txt` (and, for a whole grid, its style roles
/// with `Snapshots/NAME.roles.txt`). With `SNAPSHOT_RECORD=1` the file is
/// (re)written instead; a missing file is written and the test fails, so a new snapshot is
/// always looked at once before it counts.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let content = text + "\n"
        let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? content.write(to: file, atomically: true, encoding: .utf8)
            if !record {
                Issue.record("snapshot \(name) was missing; recorded it — check the file and re-run", sourceLocation: sourceLocation)
            }
            return
        }
        if expected != content {
            Issue.record("snapshot \(name) differs (SNAPSHOT_RECORD=1 re-records):\n--- expected\n\(expected)--- actual\n\(content)", sourceLocation: sourceLocation)
        }
    }

    /// The grid's text and its style roles, each against its own file.
    static func check(_ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(grid.text, named: name, sourceLocation: sourceLocation)
        check(SnapshotRoles.render(grid), named: name + ".roles", sourceLocation: sourceLocation)
    }
}
