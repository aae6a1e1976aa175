using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AuthService.Adapters.Http.Errors;

/// <summary>
/// Where a JSON body went wrong, from the parser's position and path only. The parser's own
/// message is never passed on: it quotes bytes of the body, and a body may hold a password.
/// </summary>
internal static partial class JsonProblem
{

    public static string Describe(JsonException exception)
    {
        var where = exception.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1}")
            : "";
        var path = exception.Path is { } p && p != "$" && PlainPath().IsMatch(p) ? $" (field {p})" : "";
        return $"The request body is not valid JSON for this endpoint{where}{path}: check the syntax and the field types.";
    }

    // Only a short path of plain field names is named back; anything else the client put there is not.
    [GeneratedRegex(@"^\$(\.[a-z_]{1,40}|\[[0-9]{1,4}\]){1,5}$")]
    private static partial Regex PlainPath();
}
