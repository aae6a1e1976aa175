namespace AuthService.Adapters.Http.Errors;

internal static class ResultExtensions
{
    public static Results<Ok<TOut>, ErrorResult> ToOk<T, TOut>(this Result<T> result, Func<T, TOut> map) =>
        result.IsSuccess ? TypedResults.Ok(map(result.Value)) : new ErrorResult(result.Error!);

    public static Results<NoContent, ErrorResult> ToNoContent<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.NoContent() : new ErrorResult(result.Error!);

    public static Results<Accepted, ErrorResult> ToAccepted<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Accepted((string?)null) : new ErrorResult(result.Error!);
}
