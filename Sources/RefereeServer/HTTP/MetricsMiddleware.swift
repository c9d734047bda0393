import Dispatch
import Hummingbird

/// Counts every request by matched route and status, and times it.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RefereeMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let response = try await next(request, context)
            record(context, status: response.status.code, start: start)
            return response
        } catch let error as any HTTPResponseError {
            record(context, status: error.status.code, start: start)
            throw error
        } catch {
            record(context, status: 500, start: start)
            throw error
        }
    }

    private func record(_ context: Context, status: Int, start: UInt64) {
        // Unmatched paths share one label so a scanner cannot blow up the series count.
        let route = context.endpointPath ?? "unmatched"
        metrics.recordRequest(route: route, status: status, nanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - start))
    }
}
