import Foundation
import SynqAPI
import SynqViewModel
import Testing
@testable import SynqTUI

/// The top line always names the fleet: profile, host of the pane's API, and a badge for
/// production-named profiles and sandboxes.
@Suite struct TabBarTests {
    static func top(_ fleet: FleetIdentity, pane: Pane = .synchronizers, width: Int) -> (text: String, grid: Grid) {
        var grid = Grid(width: width, height: 1)
        TabBar.draw(current: pane, fleet: fleet, into: &grid, y: 0)
        return (grid.text, grid)
    }

    static func role(of text: String, in grid: Grid) -> StyleRole? {
        let cells = (0..<grid.width).map { grid[$0, 0].isContinuation ? "" : grid[$0, 0].text }
        for x in 0..<grid.width where cells[x...].joined().hasPrefix(text) { return grid[x, 0].role }
        return nil
    }

    static let production = FleetIdentity(profile: "prod-eu", enterpriseURL: "https://startsynqing.com/api", synvoURL: "https://api.synvo.ai")
    static let staging = FleetIdentity(profile: "staging", enterpriseURL: "https://staging.example.com/api", synvoURL: "https://api.synvo.ai")
    static let demo = FleetIdentity(profile: nil, enterpriseURL: "http://127.0.0.1:41234/api", synvoURL: "http://127.0.0.1:41234", isDemo: true)

    @Test(arguments: [40, 80, 250])
    func theProfileAndHostAlwaysShow(width: Int) {
        let (text, _) = Self.top(Self.staging, width: width)
        #expect(text.contains("staging · staging.examp"), "\(width): \(text)")
        #expect(text.count <= width)
        let (keys, _) = Self.top(Self.staging, pane: .keys, width: width)
        #expect(keys.contains("api.synvo.ai"), "the host of the pane's own API: \(keys)")
    }

    @Test(arguments: [40, 80])
    func aProductionProfileIsBadged(width: Int) {
        let (text, grid) = Self.top(Self.production, width: width)
        #expect(text.contains("PROD prod-eu · startsynq"), "\(text)")
        #expect(Self.role(of: "PROD", in: grid) == .statusError)
        let (plain, _) = Self.top(Self.staging, width: width)
        #expect(!plain.contains("PROD"))
    }

    @Test func aSandboxIsBadged() {
        let (text, grid) = Self.top(Self.demo, width: 80)
        #expect(text.contains("SANDBOX demo · 127.0.0.1:41234"), "\(text)")
        #expect(Self.role(of: "SANDBOX", in: grid) == .statusInfo)
        let local = FleetIdentity(profile: "dev", enterpriseURL: "http://localhost:3000/api", synvoURL: "https://api.synvo.ai")
        #expect(Self.top(local, width: 80).text.contains("SANDBOX dev · localhost:3000"))
        #expect(!Self.top(local, pane: .keys, width: 80).text.contains("SANDBOX"), "the Synvo host of that profile is real")
    }

    @Test func productionNamesAreWordsNotSubstrings() {
        for name in ["prod", "production", "eu-prod", "live_us", "PRD.main"] {
            #expect(FleetIdentity(profile: name, enterpriseHost: "h", synvoHost: "h").isProduction, "\(name)")
        }
        for name in ["product-demo", "staging", "reproduce", "default"] {
            #expect(!FleetIdentity(profile: name, enterpriseHost: "h", synvoHost: "h").isProduction, "\(name)")
        }
    }

    @Test func tabsShortenBeforeTheFleetIsCut() {
        #expect(Self.top(Self.staging, width: 100).text.hasPrefix(" 1 Synchronizers "))
        #expect(Self.top(Self.staging, width: 80).text.hasPrefix(" 1 Sync   2 Prefs "))
        let narrow = Self.top(Self.staging, width: 40).text
        #expect(narrow.hasPrefix(" 1  2  3  4 "), "bare numbers, no gaps: \(narrow)")
        #expect(narrow.contains("staging"))
    }
}
