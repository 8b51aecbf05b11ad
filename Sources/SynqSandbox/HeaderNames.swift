import HTTPTypes

/// Header names the two APIs use.
extension HTTPField.Name {
    static let enterpriseAPIKey = Self("X-Enterprise-API-Key")!
    static let synvoAPIKey = Self("X-API-Key")!
    static let rateLimitLimit = Self("X-RateLimit-Limit")!
    static let rateLimitRemaining = Self("X-RateLimit-Remaining")!
    static let rateLimitReset = Self("X-RateLimit-Reset")!
}
