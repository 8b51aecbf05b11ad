/// The public demo credentials the sandbox seeds. They are not secrets: they exist only in
/// the local sandbox, are printed at start, and let tests and `synq demo` reach every
/// documented answer (success, 401 for a non-enterprise account, 403 for another account's
/// synchronizer, and each Synvo key status).
public enum SandboxCredentials {
    /// The demo enterprise account: owns the seeded fleet.
    public static let demoEnterpriseKey = "ent_demo_7f3c9a1e5b2d4f60a8c1e9b7d3f5a2c4"
    /// A second enterprise account owning other synchronizers (the demo key toggling one gets 403).
    public static let otherEnterpriseKey = "ent_other_2b8e4d6f0a1c3e5b7d9f1a3c5e7b9d0f"
    /// An account that exists but is not enterprise: its key gets 401.
    public static let nonEnterpriseKey = "ent_basic_9c1e3a5f7b2d4e6a8c0f2b4d6e8a1c3e"

    /// The demo Synvo user's active key.
    public static let demoSynvoKey = "sk_test_demo_4f9a2c7e1b8d3f6a0c5e9b2d7f4a1c8e"
    /// A key of another Synvo user (its list does not show the demo user's keys).
    public static let otherSynvoKey = "sk_test_other_8d2f6b0e4a9c3f7b1e5d9a3c7f1b5e9d"
    /// Status REVOKED: gets 401 `API_KEY_REVOKED`.
    public static let revokedSynvoKey = "sk_test_revoked_1a3c5e7f9b2d4f6a8c0e2b4d6f8a0c2e"
    /// Status `EXPIRED` (not a documented status, so clients list it as UNKNOWN): gets 401 `API_KEY_EXPIRED`.
    public static let expiredSynvoKey = "sk_test_expired_5e7a9c1f3b6d8e0a2c4f6b8d0e2a4c6f"
    /// Status DISABLED (temporarily): gets 401 `API_KEY_SUSPENDED`.
    public static let suspendedSynvoKey = "sk_test_suspended_3d5f7b9e1a4c6e8f0b2d4a6c8e0f2b4d"
}
