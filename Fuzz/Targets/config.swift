import Foundation
@testable import SynqConfig
import SynqTOML

// libFuzzer target: any bytes as config.toml, read the way CredentialStore.loadProfiles reads
// it (UTF-8 with replacement, then ProfilesDocument.parse through TOMLText, the one TOML
// entry point). Either a document, a TOMLSyntaxError or a DecodingError — never a trap or a
// toml++ assertion; a document renders back to TOML that parses to the same document.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: Data(bytes: start, count: count), as: UTF8.self)
    let document: ProfilesDocument
    do {
        document = try ProfilesDocument.parse(text)
    } catch let error as TOMLSyntaxError {
        if error.description.isEmpty { fatalError("empty syntax error") }
        return 0
    } catch is DecodingError {
        return 0
    } catch {
        fatalError("unexpected error type \(type(of: error))")
    }
    let rendered: String
    do {
        rendered = try document.render()
    } catch {
        fatalError("a parsed document does not render: \(error)")
    }
    guard let again = try? ProfilesDocument.parse(rendered) else { fatalError("rendered config does not parse:\n\(rendered)") }
    // An empty `[profiles]` and none at all mean the same (loadProfiles reads `profiles ?? [:]`);
    // every profile, with settings or without, must come back.
    guard again.active == document.active, again.theme == document.theme, (again.profiles ?? [:]) == (document.profiles ?? [:]) else {
        fatalError("rendered config parses to a different document:\n\(rendered)")
    }
    return 0
}
