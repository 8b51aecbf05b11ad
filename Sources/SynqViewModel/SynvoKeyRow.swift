import Foundation
import SynqAPI

/// One Synvo API key as the keys table shows it (never the plaintext key).
public struct SynvoKeyRow: TableRow {
    public var id: String
    public var name: String?
    public var status: SynvoKeyStatus
    public var createdAt: Date?
    public var lastUsedAt: Date?

    public init(id: String, name: String?, status: SynvoKeyStatus, createdAt: Date?, lastUsedAt: Date?) {
        self.id = id
        self.name = name
        self.status = status
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }

    public init(_ key: SynvoKey) {
        self.init(id: key.keyID, name: key.name, status: key.status, createdAt: key.createdAt, lastUsedAt: key.lastUsedAt)
    }

    /// The key id (`key_id`).
    public var keyID: String { id }

    /// The table's columns, in header order (also the `s` cycle order).
    public enum Column: String, TableColumn {
        case name, keyID, status, created, lastUsed
        public var title: String {
            switch self {
            case .name: "NAME"
            case .keyID: "KEY ID"
            case .status: "STATUS"
            case .created: "CREATED"
            case .lastUsed: "LAST USED"
            }
        }
    }

    public var isActive: Bool { status == .active }

    public var searchableTexts: [String] { [name ?? "", id, status.rawValue] }

    public func sortKey(_ column: Column) -> SortKey {
        switch column {
        case .name: .natural(name ?? "")
        case .keyID: .folded(id)
        case .status: .text(status.rawValue)
        case .created: .date(createdAt)
        case .lastUsed: .date(lastUsedAt)
        }
    }

    public func differsVisibly(from previous: SynvoKeyRow) -> Bool {
        name != previous.name || status != previous.status
    }
}
