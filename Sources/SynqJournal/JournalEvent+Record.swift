import Foundation
import GRDB

/// A `JournalEvent` read from the `event` table (written by `JournalDatabase.append`). Times are Unix seconds; enums their raw values.
extension JournalEvent: FetchableRecord {
    public static let databaseTableName = "event"

    enum Column: String, ColumnExpression {
        case seq, observedAt = "observed_at", profile, resource, itemID = "item_id", name, kind
        case oldValue = "old_value", newValue = "new_value", origin
    }

    public init(row: Row) throws {
        guard let resource = JournalResource(rawValue: row[Column.resource]),
              let kind = EventKind(rawValue: row[Column.kind]),
              let origin = EventOrigin(rawValue: row[Column.origin]) else {
            throw RecordError.unknownValue
        }
        self.init(observedAt: Date(timeIntervalSince1970: row[Column.observedAt]), profile: row[Column.profile],
                  resource: resource, itemID: row[Column.itemID], name: row[Column.name], kind: kind,
                  oldValue: row[Column.oldValue], newValue: row[Column.newValue], origin: origin)
    }

    /// A row written by a newer synq with a resource, kind or origin this one does not know.
    enum RecordError: Error { case unknownValue }
}
