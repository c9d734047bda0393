import Hummingbird
import RewardCore

extension Router {
    /// Answers every method that `path` does not take with 405 and an `Allow` header, instead of a 404
    /// that would suggest the path is wrong.
    func refuseOtherMethods(_ path: RouterPath, allowed: [HTTPRequest.Method]) {
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        let candidates: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]
        for method in candidates where !allowed.contains(method) && !(method == .head && allowed.contains(.get)) {
            on(path, method: method) { request, _ -> Response in
                throw APIError(
                    .methodNotAllowed,
                    RewardError(code: .methodNotAllowed, message: "\(request.method.rawValue) is not allowed on \(request.uri.path); use \(allow)"),
                    headers: [.allow: allow])
            }
        }
    }
}
