/// Who caused a change: this program's own toggle or create (`synq`), or anyone else,
/// seen only as a difference between two polls (`observed`).
public enum EventOrigin: String, Sendable, Hashable, Codable, CaseIterable {
    case synq
    case observed
}
