using AuthService.Domain.Common;

namespace AuthService.Domain.Users;

/// <summary>
/// The ways a user can still sign in on their own, and the rule that one must always remain:
/// removing a linked provider account or a passkey is refused when it is the last way in.
/// </summary>
/// <remarks>
/// The ways in are the password, the linked provider accounts (<c>external_identities</c>) and the
/// passkeys. A TOTP factor is not one: it is a second factor on top of a way in. A code sent to a
/// verified email or phone is not counted either: it is how a lost way in is recovered, not a
/// credential the user chose to keep. The unlink statement in
/// <c>Adapters.Postgres/Identities/ExternalIdentityRepository.DeleteAsync</c> applies the same rule.
/// </remarks>
public sealed record SignInMethods(bool Password, int Identities, int Passkeys)
{
    /// <summary>The user's ways in: their password, if any, and the given counts of identities and passkeys.</summary>
    public static SignInMethods Of(User user, int identities, int passkeys) => new(user.HasPassword, identities, passkeys);

    /// <summary>Whether at least one way in is left.</summary>
    public bool Any => Password || Identities + Passkeys >= 1;

    /// <summary>The ways in once one linked identity is unlinked, or <see cref="LastLoginMethod"/> when none would remain.</summary>
    public Result<SignInMethods> WithoutIdentity() => Remaining(this with { Identities = Identities - 1 });

    /// <summary>The ways in once one passkey is removed, or <see cref="LastLoginMethod"/> when none would remain.</summary>
    public Result<SignInMethods> WithoutPasskey() => Remaining(this with { Passkeys = Passkeys - 1 });

    public static Error LastLoginMethod => new(
        ErrorCode.LastLoginMethod,
        "This is the only way left to sign in to the account; add a password, another provider or a passkey first.");

    private static Result<SignInMethods> Remaining(SignInMethods left) => left.Any ? left : LastLoginMethod;
}
