import Foundation
import SynqAPI
import SynqText

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
    }

    public static func definition(_ column: Column) -> ResourceColumn<SynvoKeyRow> {
        switch column {
        case .name:
            ResourceColumn("NAME", width: .flexible(min: 10, weight: 3), dropOrder: 0,
                           text: { row, _ in row.name ?? "(unnamed)" }, sortKey: { .natural($0.name ?? "") }, searchText: { $0.name ?? "" })
        case .keyID:
            ResourceColumn("KEY ID", width: .flexible(min: 10, weight: 2), dropOrder: 3,
                           text: { row, _ in row.id }, tone: { _ in .dim }, sortKey: { .folded($0.id) }, searchText: { $0.id })
        case .status:
            ResourceColumn("STATUS", width: .fixed(8), dropOrder: 1,
                           text: { row, _ in row.status.rawValue }, tone: { tone(for: $0.status) },
                           sortKey: { .text($0.status.rawValue) }, searchText: { $0.status.rawValue })
        case .created:
            ResourceColumn("CREATED", width: .fixed(8), dropOrder: 4,
                           text: { row, now in row.createdAt.map { RelativeTime.ago($0, now: now) } ?? "-" }, sortKey: { .date($0.createdAt) })
        case .lastUsed:
            ResourceColumn("LAST USED", width: .fixed(9), dropOrder: 2,
                           text: { row, now in RelativeTime.ago(row.lastUsedAt, now: now) }, sortKey: { .date($0.lastUsedAt) })
        }
    }

    /// Each status its own colour.
    static func tone(for status: SynvoKeyStatus) -> CellTone {
        switch status {
        case .active: .keyActive
        case .revoked: .keyRevoked
        case .disabled: .keyDisabled
        case .unknown: .keyUnknown
        }
    }

    public var isActive: Bool { status == .active }

    public func differsVisibly(from previous: SynvoKeyRow) -> Bool {
        name != previous.name || status != previous.status
    }
}
