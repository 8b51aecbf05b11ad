import Foundation
import SynqAPI

/// One synchronizer as the synchronizers table shows it.
public struct SynchronizerRow: TableRow {
    public typealias Storage = SynchronizerStorage
    public var id: String
    public var name: String
    /// The synq key. Shown shortened in the table and in full on the detail line.
    public var key: String
    /// nil when the server did not say.
    public var isEnabled: Bool?
    public var createdAt: Date?

    public init(id: String, name: String, key: String, isEnabled: Bool?, createdAt: Date?) {
        self.id = id
        self.name = name
        self.key = key
        self.isEnabled = isEnabled
        self.createdAt = createdAt
    }

    public init(_ synchronizer: Synchronizer) {
        self.init(id: synchronizer.id, name: synchronizer.name, key: synchronizer.key,
                  isEnabled: synchronizer.isEnabled, createdAt: synchronizer.createdAt)
    }

    /// "enabled", "disabled" or "unknown".
    public var stateText: String { Synchronizer.stateText(isEnabled: isEnabled) }

    /// The key cut to its first and last characters, e.g. "b1df0d63…4185".
    public var shortKey: String {
        guard key.count > 14 else { return key }
        return "\(key.prefix(8))…\(key.suffix(4))"
    }

    /// The table's columns, in header order (also the `s` cycle order).
    public enum Column: String, TableColumn {
        case name, state, key, created, id
        public var title: String {
            switch self {
            case .name: "NAME"
            case .state: "STATE"
            case .key: "KEY"
            case .created: "CREATED"
            case .id: "ID"
            }
        }
    }

    public var isActive: Bool { isEnabled == true }

    public var searchableTexts: [String] { [name, stateText, key, id] }

    public func sortKey(_ column: Column) -> SortKey {
        switch column {
        case .name: .natural(name)
        case .state: .text(stateText)
        case .key: .folded(key)
        case .created: .date(createdAt)
        case .id: .folded(id)
        }
    }

    public func differsVisibly(from previous: SynchronizerRow) -> Bool {
        name != previous.name || isEnabled != previous.isEnabled || key != previous.key
    }
}
