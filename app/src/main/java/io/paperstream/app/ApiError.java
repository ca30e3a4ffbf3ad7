package io.paperstream.app;

/**
 * A query that cannot be answered, with the HTTP status that says why: 400 for a bad parameter,
 * 401 without the right token, 404 for an unknown paper, 405 for a method other than GET, 503 while state is moving between instances (worth retrying).
 */
public final class ApiError extends RuntimeException {

  private final int status;

  private ApiError(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, message, null);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, message, null);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, message, null);
  }

  static ApiError methodNotAllowed(String message) {
    return new ApiError(405, message, null);
  }

  public static ApiError unavailable(String message, Throwable cause) {
    return new ApiError(503, message, cause);
  }

  /** A status another instance answered with, passed on as it was. */
  static ApiError withStatus(int status, String message) {
    return new ApiError(status, message, null);
  }

  public int status() {
    return status;
  }
}
