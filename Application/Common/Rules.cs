using AuthService.Domain.Users;

namespace AuthService.Application.Common;

/// <summary>Field rules shared by several commands, with messages that end up in details.fields.</summary>
internal static class Rules
{
    public const int MinPasswordLength = 12;

    // Argon2id takes any length, but an unbounded password is a cheap way to burn CPU and memory.
    public const int MaxPasswordLength = 128;

    public const int MaxDeviceNameLength = 100;

    public const int MaxPage = 100_000;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    /// <summary>A new password: 12 to 128 characters and not on the breached-password list.</summary>
    public static IRuleBuilderOptions<T, string> Password<T>(this IRuleBuilder<T, string> rule, IPasswordScreen screen) =>
        rule.NotEmpty().WithMessage("is required")
            .MinimumLength(MinPasswordLength).WithMessage($"must be at least {MinPasswordLength} characters")
            .MaximumLength(MaxPasswordLength).WithMessage($"must be at most {MaxPasswordLength} characters")
            .Must(p => p is null || p.Length < MinPasswordLength || p.Length > MaxPasswordLength || !screen.IsCommon(p))
            .WithMessage("is one of the commonly used or breached passwords; choose another");

    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(e => e is null || Identifiers.IsEmail(e.Trim())).WithMessage("must be a valid email address");

    /// <summary>An email address that must be there (password reset: there is no phone to use instead).</summary>
    public static IRuleBuilderOptions<T, string?> RequiredEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("is required").Email();

    public static IRuleBuilderOptions<T, string?> Phone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(p => p is null || Identifiers.IsE164(p)).WithMessage("must be an E.164 phone number such as +14155550123");

    public static IRuleBuilderOptions<T, string?> Username<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(u => u is null || Identifiers.IsUsername(u))
            .WithMessage("must be 3 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit");

    public static IRuleBuilderOptions<T, string?> Name<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => n is null || (n.Trim().Length is > 0 and <= 100 && !n.Any(char.IsControl)))
            .WithMessage("must be 1 to 100 characters without control characters");

    /// <summary>Exactly one of email or phone, each well-formed when present.</summary>
    public static void EmailXorPhone<T>(
        this AbstractValidator<T> validator,
        System.Linq.Expressions.Expression<Func<T, string?>> email,
        System.Linq.Expressions.Expression<Func<T, string?>> phone)
    {
        var (getEmail, getPhone) = (email.Compile(), phone.Compile());
        validator.RuleFor(email).Email();
        validator.RuleFor(phone).Phone();
        validator.RuleFor(c => c).Must(c => (getEmail(c) is null) != (getPhone(c) is null))
            .WithMessage("exactly one of email or phone is required").OverridePropertyName("email");
    }

    /// <summary>The optional name a client gives the device a session runs on.</summary>
    public static IRuleBuilderOptions<T, string?> DeviceName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxDeviceNameLength).WithMessage($"must be at most {MaxDeviceNameLength} characters");

    public static IRuleBuilderOptions<T, string> OtpCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(c => c is { Length: 6 } && c.All(char.IsAsciiDigit)).WithMessage("must be 6 digits");

    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(u => u is null || (u.Length <= 2048
                && Uri.TryCreate(u, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            .WithMessage("must be an absolute http(s) URL of at most 2048 characters");

    /// <summary>A page number from the query string (absent: the first page).</summary>
    public static IRuleBuilderOptions<T, string?> PageNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.WholeNumber(1, MaxPage, $"must be between 1 and {MaxPage}");

    /// <summary>A page size from the query string (absent: <see cref="DefaultPageSize"/>).</summary>
    public static IRuleBuilderOptions<T, string?> PageSize<T>(this IRuleBuilder<T, string?> rule) =>
        rule.WholeNumber(1, MaxPageSize, $"must be between 1 and {MaxPageSize}");

    public static IRuleBuilderOptions<T, string?> Uuid<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(u => string.IsNullOrEmpty(u) || Guid.TryParse(u, out _)).WithMessage("must be a UUID");

    /// <summary>Digits only (no sign, no spaces), so "page=abc" names the field instead of failing to bind.</summary>
    public static int? ParseWholeNumber(string? raw) =>
        int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static IRuleBuilderOptions<T, string?> WholeNumber<T>(this IRuleBuilder<T, string?> rule, int min, int max, string outOfRange) =>
        rule.Must((_, raw, context) =>
        {
            var problem = string.IsNullOrEmpty(raw) ? null
                : ParseWholeNumber(raw) is not { } n ? "must be a positive whole number"
                : n < min || n > max ? outOfRange : null;
            context.MessageFormatter.AppendArgument("Problem", problem);
            return problem is null;
        }).WithMessage("{Problem}");
}
