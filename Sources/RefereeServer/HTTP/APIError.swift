import Hummingbird
import RewardCore

/// An error that knows its HTTP status and answers with the API's JSON error shape.
public struct APIError: HTTPResponseError, Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The code, message and field.
    public var error: RewardError
    /// Extra headers, such as `Retry-After`.
    public var headers: HTTPFields

    /// Creates an error response.
    public init(_ status: HTTPResponse.Status, _ error: RewardError, headers: HTTPFields = [:]) {
        self.status = status
        self.error = error
        self.headers = headers
    }

    /// A 400 for a request the API cannot read.
    public static func badRequest(_ error: RewardError) -> APIError { APIError(.badRequest, error) }

    /// `{"error": {"code", "message", "field"}}` with the status.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: error.jsonBody)))
    }
}

/// Turns every error into the JSON error shape; unknown errors become a 500 with no internals.
struct ErrorShapeMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            throw APIError(error.status, RewardError(code: ErrorCode(status: error.status), message: error.body ?? error.status.reasonPhrase), headers: error.headers)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            throw APIError(.internalServerError, RewardError(code: .internal, message: "internal error"))
        }
    }
}

extension Response {
    /// A 200 response with a JSON body.
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension ErrorCode {
    /// The code of an HTTP-level refusal that Hummingbird raised itself.
    init(status: HTTPResponse.Status) {
        self = switch status.code {
        case 404: .notFound
        case 405: .methodNotAllowed
        case 408: .requestTimeout
        case 413: .bodyTooLarge
        case 401: .unauthorized
        default: .httpError
        }
    }
}
