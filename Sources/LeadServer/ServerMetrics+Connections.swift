extension ServerMetrics {
    /// The connection figures `/metrics` adds to the registry's text, in the Prometheus text
    /// format: the connections open now, and those refused by the cap since start.
    static func connectionLines(open: Int, refused: Int) -> String {
        """
        # HELP leadrelay_http_connections_open HTTP connections open now.
        # TYPE leadrelay_http_connections_open gauge
        leadrelay_http_connections_open \(open)
        # HELP leadrelay_http_connections_refused_total Connections answered 503 and closed because the cap was reached.
        # TYPE leadrelay_http_connections_refused_total counter
        leadrelay_http_connections_refused_total \(refused)

        """
    }
}
