import CoreMetrics
import Prometheus
import NIOConcurrencyHelpers

/// The request counter and timer per (route, status), made once: building them per request took a
/// registry lookup under its lock and a label array each time, a cost every `/reward` call paid.
final class RequestSeries: Sendable {
    private struct Key: Hashable {
        let route: String
        let status: Int
    }

    private let factory: PrometheusMetricsFactory
    private let series = NIOLockedValueBox<[Key: (CoreMetrics.Counter, CoreMetrics.Timer)]>([:])

    init(factory: PrometheusMetricsFactory) {
        self.factory = factory
    }

    /// The pair for `route` and `status`, made on first use. Routes are the router's own paths
    /// (unmatched ones share one label) and statuses are HTTP codes, so the map stays small.
    func counterAndTimer(route: String, status: Int) -> (CoreMetrics.Counter, CoreMetrics.Timer) {
        let key = Key(route: route, status: status)
        if let found = series.withLockedValue({ $0[key] }) { return found }
        let dimensions = [("route", route), ("status", String(status))]
        let made = (
            CoreMetrics.Counter(label: "referee_http_requests_total", dimensions: dimensions, factory: factory),
            CoreMetrics.Timer(label: "referee_http_request_duration_seconds", dimensions: dimensions, factory: factory)
        )
        return series.withLockedValue { map in
            if let found = map[key] { return found }
            map[key] = made
            return made
        }
    }
}
