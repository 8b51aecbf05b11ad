/// Reads a journal another run wrote (`synq events`). A journal that does not exist yet
/// reads as empty; it is not created.
public enum JournalReader {
    public static func events(_ query: EventQuery, at location: JournalLocation) async throws(JournalError) -> [JournalEvent] {
        guard let database = try JournalDatabase.openForReading(location) else { return [] }
        return try await database.events(query)
    }
}
