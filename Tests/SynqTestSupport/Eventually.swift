import Foundation

/// Waits until `condition` holds, checking every 10 ms, for server-side state that sends no
/// event to wait on (a fault rule taken, a count reached). Returns false after `timeout`.
public func eventually(timeout: Duration = .seconds(5), _ condition: () async -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while clock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}
