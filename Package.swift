// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "SynqFleet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "synq", targets: ["synq"]),
        .library(name: "SynqText", targets: ["SynqText"]),
        .library(name: "SynqAPI", targets: ["SynqAPI"]),
        .library(name: "SynqViewModel", targets: ["SynqViewModel"]),
        .library(name: "SynqTUI", targets: ["SynqTUI"]),
        .library(name: "SynqSandbox", targets: ["SynqSandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Range, not `from: "3.12.3"`: the graph already resolves swift-crypto 4.x (swift-certificates allows 3.12.3..<6).
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"6.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        // Already in the graph through Hummingbird; declared because the sandbox imports them.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The live HTTP transport (deadlines, no redirects, streamed bodies, proxies); NIOSSL for its TLS errors.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // What makes text safe and measurable: the sanitizer and its byte filter, display
        // widths, truncation and padding, relative times. Foundation only; every layer uses it.
        .target(name: "SynqText", dependencies: [], swiftSettings: strict),
        // HTTP + JSON clients for the Enterprise and Synvo APIs; knows nothing of screens.
        .target(
            name: "SynqAPI",
            dependencies: [
                "SynqText",
                "CYajl",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        // yajl, the streaming JSON parser the fleet list is read with (Debian libyajl-dev).
        .systemLibrary(
            name: "CYajl",
            pkgConfig: "yajl",
            providers: [.apt(["libyajl-dev"])]
        ),
        // Fleet memory: the diff of two polls, the SQLite journal of every change, its readers.
        .target(
            name: "SynqJournal",
            dependencies: ["SynqAPI", "SynqText", "SynqFiles", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Subprocess", package: "swift-subprocess"), .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: strict
        ),
        // State, actions, pure reducer and the effect-running store; no terminal, no HTTP types in state.
        .target(
            name: "SynqViewModel",
            dependencies: ["SynqAPI", "SynqText", "SynqFiles", "SynqJournal"],
            swiftSettings: strict
        ),
        // The only C that touches the terminal: ncurses calls Swift cannot make, and the one
        // copy of the signal and restore state (apt: libncursesw5-dev).
        .target(
            name: "CNcurses",
            linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("tinfo")]
        ),
        // Prompts on the controlling terminal (echo off for secrets); restored on signals by
        // CNcurses' one signal state, the same path that gives the full screen back.
        .target(name: "SynqTerminal", dependencies: ["CNcurses", "SynqAPI", "SynqText"], swiftSettings: strict),
        // Renderer (cell grid), widgets, panes, themes, and the ncurses backend.
        .target(
            name: "SynqTUI",
            dependencies: [
                "SynqViewModel",
                "SynqText",
                "SynqJournal",
                "CNcurses",
                "SynqTOML",
            ],
            swiftSettings: strict
        ),
        // The one writer and reader of private files (0700 folders, 0600 files, atomic, no symlinks), on swift-system.
        .target(
            name: "SynqFiles",
            dependencies: ["SynqText", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: strict
        ),
        .testTarget(name: "SynqFilesTests", dependencies: ["SynqFiles", "SynqTestSupport"], swiftSettings: strict),
        // The one TOML entry point (themes, config.toml): checks that keep toml++ from asserting, then TOMLKit.
        .target(
            name: "SynqTOML",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),
        .testTarget(name: "SynqTOMLTests", dependencies: ["SynqTOML"], swiftSettings: strict),
        // The local development server speaking both APIs, state in SQLite.
        .target(
            name: "SynqSandbox",
            dependencies: [
                "SynqAPI",
                "SynqText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API beside GRDB: the list is written from SQLite's own row buffers.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // setrlimit/prctl at process start (prctl is variadic, so C): no core dumps of secrets.
        .target(name: "CHardening"),
        .executableTarget(
            name: "synq",
            dependencies: [
                "SynqAPI", "SynqText", "SynqViewModel", "SynqTUI", "SynqSandbox", "SynqConfig", "SynqFiles", "SynqTerminal", "CHardening", "SynqJournal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            plugins: ["BuildInfo"]
        ),
        // Embeds the git commit the binary is built from, for `synq --version` (Scripts/build-info.sh).
        .plugin(name: "BuildInfo", capability: .buildTool()),
        // Performance numbers for the TUI (render time, bytes per poll, idle CPU); run by hand: swift run synq-bench.
        .executableTarget(name: "synq-bench", dependencies: ["SynqAPI", "SynqJournal", "SynqText", "SynqViewModel", "SynqTUI", "SynqSandbox"], path: "Sources/SynqBench", swiftSettings: strict),
        // The journal's cost per poll at 100k and 1M synchronizers; run by hand: swift run -c release synq-journal-bench.
        .executableTarget(name: "synq-journal-bench", dependencies: ["SynqAPI", "SynqJournal"], path: "Sources/JournalBench", swiftSettings: strict),
        // Profiles, the credential store (scrypt + ChaChaPoly), setup and provisioning.
        .target(
            name: "SynqConfig",
            dependencies: [
                "SynqAPI",
                "SynqText",
                "SynqFiles",
                "SynqTerminal",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                "SynqTOML",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SynqConfigTests",
            dependencies: [
                "SynqConfig", "SynqFiles", "SynqAPI", "SynqSandbox", "SynqTerminal", "SynqTestSupport",
                .product(name: "Yams", package: "Yams"), .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Subprocess", package: "swift-subprocess"), .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        // Shared by the test targets: run the real `synq` binary, the one tmux driver, temporary folders, sandbox fixtures.
        .target(
            name: "SynqTestSupport",
            dependencies: [
                "SynqAPI", "SynqSandbox",
                .product(name: "Subprocess", package: "swift-subprocess"), .product(name: "SystemPackage", package: "swift-system"),
            ],
            path: "Tests/SynqTestSupport", swiftSettings: strict
        ),
        .testTarget(name: "SynqTextTests", dependencies: ["SynqText"], swiftSettings: strict),
        .testTarget(name: "SynqAPITests", dependencies: ["SynqAPI", "SynqSandbox", "SynqTestSupport"], swiftSettings: strict),
        .testTarget(name: "SynqViewModelTests", dependencies: ["SynqViewModel", "SynqFiles", "SynqJournal", "SynqAPI", "SynqSandbox", "SynqTestSupport"], swiftSettings: strict),
        .testTarget(name: "SynqTUITests", dependencies: ["SynqTUI", "SynqText", "SynqViewModel", "SynqAPI", "SynqSandbox", "SynqJournal", "SynqTestSupport"], exclude: ["Snapshots"], swiftSettings: strict),
        .testTarget(name: "SynqJournalTests", dependencies: ["SynqJournal", "SynqAPI", "SynqTestSupport", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .testTarget(name: "SynqSandboxTests", dependencies: ["SynqSandbox", "SynqAPI", "SynqTestSupport", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .testTarget(name: "SynqCLITests", dependencies: ["SynqAPI", "SynqViewModel", "SynqText", "SynqSandbox", "SynqTestSupport"], swiftSettings: strict),
        // The headless writers inside the `synq` executable, called directly (`@testable import synq`).
        .testTarget(name: "SynqOutputTests", dependencies: ["synq", "SynqAPI", "SynqText"], swiftSettings: strict),
    ]
)
