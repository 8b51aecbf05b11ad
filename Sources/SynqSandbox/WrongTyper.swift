import Foundation

/// Rewrites a JSON answer so one field has the wrong type, the way a buggy server might.
///
/// With a `field`, every occurrence at any depth is replaced (`isEnabled` becomes `"yes"`,
/// a string field becomes `42`); clients whose models are lenient per element then drop those
/// elements. Without one, the response's main field is replaced at the top level
/// (`synchronizers: {}`, `items: {}`, `preferences: "yes"`, `synchronizer: []`, `key_id: 42`),
/// which no client can read.
enum WrongTyper {
    static let mainFields = ["synchronizers", "items", "preferences", "synchronizer", "key_id"]

    static func rewrite(_ data: Data, field: String?) -> Data {
        guard var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return data }
        if let field {
            object = replace(field, in: object) as? [String: Any] ?? object
        } else if let main = mainFields.first(where: { object[$0] != nil }) {
            object[main] = wrongValue(for: main)
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? data
    }

    private static func replace(_ field: String, in value: Any) -> Any {
        if var dictionary = value as? [String: Any] {
            for (key, inner) in dictionary {
                dictionary[key] = key == field ? wrongValue(for: key) : replace(field, in: inner)
            }
            return dictionary
        }
        if let array = value as? [Any] { return array.map { replace(field, in: $0) } }
        return value
    }

    private static func wrongValue(for field: String) -> Any {
        switch field {
        case "synchronizers", "items": [String: Any]()
        case "synchronizer": [Any]()
        case "isEnabled", "web", "success", "preferences", "owner": "yes"
        default: 42
        }
    }
}
