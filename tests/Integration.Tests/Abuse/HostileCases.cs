using System.Text.Json.Nodes;

namespace AuthService.Integration.Tests.Abuse;

/// <summary>One request the walker sends: a path, a query, a body as raw bytes and its content type.</summary>
public sealed record HostileCase(string Label, string Path, byte[]? Body, string? ContentType, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// Builds hostile requests for one OpenAPI operation: its body fields one at a time replaced by
/// wrong types, huge strings, NUL, unpaired surrogates, invalid UTF-8, injection strings and deep
/// nesting; missing and extra fields; broken JSON, wrong content types, empty bodies; hostile
/// path and query values and long headers.
/// </summary>
public static class HostileCases
{
    private static readonly string[] HostileStrings =
    [
        "a\u0000b", "\u0000", "' OR 1=1 --", "'; DROP TABLE users; --", "<script>alert(1)</script>",
        "${jndi:ldap://x/a}", "../../../../etc/passwd", "%00%ff", "\u202Eevil\u200B", "\uFEFF", "\u0001\u001F\u007F",
        "ｃｏｒｒｅｃｔ＠ｅｘａｍｐｌｅ．ｔｅｓｔ", "😀😀😀", "{{7*7}}", "\\\\\\", "null", "-1", "1e309", "",
        new string('a', 5000), new string('\u00e9', 30_000),
    ];

    private static readonly JsonNode?[] WrongTypes =
    [
        JsonValue.Create(12345), JsonValue.Create(-1.5e300), JsonValue.Create(true), new JsonArray("x", 1),
        new JsonObject { ["$ne"] = null }, null,
    ];

    private static readonly string[] PathValues =
    [
        "%00", "a%00b", "%FF%FE", "'%20OR%201=1", "..%2F..%2Fetc", new string('9', 2000), "00000000-0000-0000-0000-00000000000g",
        "%E2%80%AE", "null", "-1",
    ];

    public static IEnumerable<HostileCase> For(string pathTemplate, IReadOnlyList<string> pathParams, IReadOnlyList<string> queryParams, JsonObject? bodySchema)
    {
        var path = Fill(pathTemplate, pathParams, _ => Guid.NewGuid().ToString());
        var none = new Dictionary<string, string>();
        var json = "application/json";

        foreach (var value in PathValues)
        {
            if (pathParams.Count > 0)
            {
                yield return new("path " + value[..Math.Min(12, value.Length)], Fill(pathTemplate, pathParams, _ => value), Body(Valid(bodySchema)), json, none);
            }
        }

        foreach (var name in queryParams)
        {
            foreach (var value in PathValues.Concat(["' OR 1=1 --", "99999999999999999999"]))
            {
                yield return new("query " + name, path + "?" + name + "=" + value, Body(Valid(bodySchema)), json, none);
            }
        }

        yield return new("long header", path, Body(Valid(bodySchema)), json, new Dictionary<string, string>
        {
            ["X-Request-ID"] = new string('r', 8000),
            ["User-Agent"] = "ua\u0001" + new string('u', 8000),
            ["X-Forwarded-For"] = "1.2.3.4, ' OR 1=1",
            ["Authorization2"] = new string('b', 4000),
        });
        yield return new("bad bearer", path, Body(Valid(bodySchema)), json, new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer " + new string('x', 6000),
        });
        yield return new("api key junk", path, Body(Valid(bodySchema)), json, new Dictionary<string, string>
        {
            ["X-API-Key"] = "ask_'OR1=1_" + new string('k', 3000),
        });

        // Bodies: only for operations that take one, plus a few for those that do not.
        yield return new("empty body", path, [], json, none);
        yield return new("no content type", path, Body(Valid(bodySchema)), null, none);
        yield return new("text/plain", path, Encoding.UTF8.GetBytes("email=a@b.c"), "text/plain", none);
        yield return new("form", path, Encoding.UTF8.GetBytes("email=a%00@b.c&password=x"), "application/x-www-form-urlencoded", none);
        yield return new("truncated json", path, Encoding.UTF8.GetBytes("{\"email\": \"a@b"), json, none);
        yield return new("json array root", path, Encoding.UTF8.GetBytes("[1,2,3]"), json, none);
        yield return new("json string root", path, Encoding.UTF8.GetBytes("\"x\""), json, none);
        yield return new("json null root", path, Encoding.UTF8.GetBytes("null"), json, none);
        yield return new("invalid utf-8", path, [.. "{\"email\":\""u8, 0xFF, 0xFE, 0xC0, 0x80, .. "\"}"u8], json, none);
        yield return new("deep nesting", path, Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), json, none);
        yield return new("deep object", path, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300)), json, none);
        yield return new("huge body", path, Encoding.UTF8.GetBytes("{\"x\":\"" + new string('z', 200_000) + "\"}"), json, none);
        yield return new("duplicate keys", path, Encoding.UTF8.GetBytes("{\"email\":\"a@b.c\",\"email\":\"\\u0000\"}"), json, none);
        yield return new("nul key", path, Encoding.UTF8.GetBytes("{\"em\\u0000ail\":\"a@b.c\"}"), json, none);
        yield return new("huge number", path, Encoding.UTF8.GetBytes("{\"page\":1e400,\"expires_in_hours\":99999999999999999999}"), json, none);

        if (bodySchema?["properties"] is not JsonObject properties)
        {
            yield break;
        }

        yield return new("missing fields", path, Encoding.UTF8.GetBytes("{}"), json, none);
        var extra = Valid(bodySchema);
        extra["unexpected"] = "\u0000";
        extra["__proto__"] = new JsonObject { ["admin"] = true };
        yield return new("extra fields", path, Body(extra), json, none);

        foreach (var (field, _) in properties)
        {
            foreach (var hostile in HostileStrings)
            {
                var body = Valid(bodySchema, field);
                body[field] = hostile;
                yield return new($"{field}={Preview(hostile)}", path, Body(body), json, none);
            }

            foreach (var wrong in WrongTypes)
            {
                var body = Valid(bodySchema, field);
                body[field] = wrong?.DeepClone();
                yield return new($"{field} wrong type", path, Body(body), json, none);
            }

            // An unpaired surrogate, escaped, is valid JSON but has no UTF-8 form.
            var lone = Valid(bodySchema, field);
            lone[field] = "__LONE__";
            yield return new($"{field} lone surrogate", path,
                Encoding.UTF8.GetBytes(lone.ToJsonString().Replace("\"__LONE__\"", "\"x\\ud800y\"", StringComparison.Ordinal)), json, none);
        }
    }

    /// <summary>A plausible value for each field, so one hostile field at a time reaches the handler.</summary>
    private static JsonObject Valid(JsonObject? schema, string? focus = null)
    {
        // Sign-in and code routes take exactly one identifier: the hostile one, else the email.
        string[] identifiers = ["email", "phone", "username"];
        var identifier = focus is not null && identifiers.Contains(focus) ? focus : "email";
        var body = new JsonObject();
        if (schema?["properties"] is not JsonObject properties)
        {
            return body;
        }

        foreach (var (field, _) in properties)
        {
            if (identifiers.Contains(field) && field != identifier && properties.ContainsKey(identifier))
            {
                body[field] = null;
                continue;
            }

            body[field] = field switch
            {
                "email" => $"walker-{Guid.NewGuid():N}@example.test",
                "phone" => "+14155550123",
                "username" => "walker" + Random.Shared.Next(100_000, 999_999),
                "password" or "new_password" or "current_password" => "a sturdy walker passphrase 42",
                "code" => "123456",
                "status" => "active",
                "plan" => "free",
                "roles" or "scopes" or "events" => new JsonArray("user"),
                "consume" => false,
                "expires_in_hours" => 1,
                _ => "walker value",
            };
        }

        return body;
    }

    private static byte[] Body(JsonObject body) => Encoding.UTF8.GetBytes(body.ToJsonString(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));

    private static string Fill(string template, IReadOnlyList<string> names, Func<string, string> value) =>
        names.Aggregate(template, (path, name) => path.Replace("{" + name + "}", value(name), StringComparison.Ordinal));

    private static string Preview(string value) =>
        Uri.EscapeDataString(value.Length > 12 ? value[..12] : value);
}
