extension Redactor {
    /// The failure with the secrets removed from any text a server chose (where a redirect pointed).
    public func callAsFunction(_ failure: TransportFailure) -> TransportFailure {
        switch failure {
        case .redirected(let status, let location): .redirected(status: status, location: location.map { self($0) })
        default: failure
        }
    }
}
