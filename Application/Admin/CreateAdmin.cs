using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Audit;
using AuthService.Domain.Common;
using AuthService.Domain.Users;

namespace AuthService.Application.Admin;

public interface ICreateAdmin
{
    /// <summary>Creates a verified admin, or grants the admin role to an existing account with that email.</summary>
    Task<Result<User>> ExecuteAsync(string email, string password, CancellationToken ct);
}

internal sealed class CreateAdmin(
    IUserRepository users,
    IPasswordHasher passwords,
    IPasswordScreen screen,
    Auditor audit,
    IUnitOfWork uow,
    IIdGenerator ids,
    TimeProvider clock) : ICreateAdmin
{
    public async Task<Result<User>> ExecuteAsync(string email, string password, CancellationToken ct)
    {
        if (!Identifiers.IsEmail(email.Trim()))
        {
            return Error.Validation("email", "must be a valid email address");
        }

        if (password.Length is < Rules.MinPasswordLength or > Rules.MaxPasswordLength)
        {
            return Error.Validation("password", $"must be {Rules.MinPasswordLength} to {Rules.MaxPasswordLength} characters");
        }

        if (screen.IsCommon(password))
        {
            return Error.Validation("password", "is one of the commonly used or breached passwords; choose another");
        }

        var now = clock.GetUtcNow();
        var normalized = Identifiers.NormalizeEmail(email);
        var hash = await passwords.HashAsync(password, ct);
        var user = await users.FindByEmailAsync(normalized, ct);
        if (user is null)
        {
            user = new User
            {
                Id = ids.NewId(),
                Email = normalized,
                EmailVerified = true,
                PasswordHash = hash,
                Roles = [Role.User, Role.Admin],
                CreatedAt = now,
                UpdatedAt = now,
            };
            if ((await users.AddAsync(user, ct)).Count > 0)
            {
                return new Error(ErrorCode.IdentifierTaken, "An account with this email already exists.");
            }
        }
        else
        {
            user.Roles = user.Roles.Union([Role.Admin]).ToList();
            await users.SetRolesAsync(user.Id, user.Roles, now, ct);
            await users.SetPasswordHashAsync(user.Id, hash, now, ct);
            await users.MarkVerifiedAsync(user.Id, IdentifierKind.Email, now, ct);
        }

        await audit.RecordAsync(AuditAction.RolesChanged, user.Id, ClientInfo.None, ct,
            new Dictionary<string, object?> { ["roles"] = user.Roles, ["via"] = "cli" });
        await uow.CommitAsync(ct);
        return user;
    }
}
