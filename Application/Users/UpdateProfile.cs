using AuthService.Domain.Audit;

namespace AuthService.Application.Users;

/// <summary>A PATCH: null leaves a field alone; an empty string clears name or avatar.</summary>
public sealed record UpdateProfileCommand(string? Name, string? Username, string? AvatarUrl, ClientInfo Client);

public interface IUpdateProfile
{
    Task<Result<UserView>> ExecuteAsync(CurrentPrincipal principal, UpdateProfileCommand command, CancellationToken ct);
}

internal sealed class UpdateProfileCommandValidator : AbstractValidator<UpdateProfileCommand>
{
    public UpdateProfileCommandValidator()
    {
        RuleFor(c => c.Name).Name().When(c => c.Name is { Length: > 0 });
        RuleFor(c => c.Username).Username();
        RuleFor(c => c.AvatarUrl).HttpUrl().When(c => c.AvatarUrl is { Length: > 0 });
    }
}

internal sealed class UpdateProfile(
    IValidator<UpdateProfileCommand> validator,
    IUserRepository users,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock) : IUpdateProfile
{
    public async Task<Result<UserView>> ExecuteAsync(CurrentPrincipal principal, UpdateProfileCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        if (await users.FindByIdAsync(principal.UserId, ct) is not { IsActive: true } user)
        {
            return Error.NotFound("User");
        }

        user.UpdateProfile(command.Name, command.Username, command.AvatarUrl, clock.GetUtcNow());
        if (!await users.UpdateProfileAsync(user, ct))
        {
            return new Error(ErrorCode.IdentifierTaken, "This username is already taken.",
                new Dictionary<string, string[]> { ["username"] = ["is already taken"] });
        }

        await audit.RecordAsync(AuditAction.ProfileUpdated, user.Id, command.Client, ct);
        await uow.CommitAsync(ct);
        return UserView.Of(user);
    }
}
