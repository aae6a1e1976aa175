using AuthService.Domain.Audit;
using AuthService.Domain.Users;

namespace AuthService.Application.Admin;

public sealed record SetUserPlanCommand(string? Plan);

public interface ISetUserPlan
{
    Task<Result<AdminUserView>> ExecuteAsync(CurrentPrincipal admin, Guid userId, string? plan, ClientInfo client, CancellationToken ct);
}

/// <summary>The shape of a plan code; whether such a plan exists is the use case's question (a read).</summary>
internal sealed class SetUserPlanCommandValidator : AbstractValidator<SetUserPlanCommand>
{
    public const string Message = "must be the code of an existing plan";

    public SetUserPlanCommandValidator() =>
        RuleFor(c => c.Plan).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(Message).MaximumLength(64).WithMessage(Message);
}

internal sealed class SetUserPlan(
    IValidator<SetUserPlanCommand> validator, IUserRepository users, IAdminDirectory directory, Auditor audit, IUnitOfWork uow, TimeProvider clock)
    : ISetUserPlan
{
    public async Task<Result<AdminUserView>> ExecuteAsync(CurrentPrincipal admin, Guid userId, string? plan, ClientInfo client, CancellationToken ct)
    {
        if (await validator.CheckAsync(new SetUserPlanCommand(plan), ct) is { } invalid)
        {
            return invalid;
        }

        if (!await directory.PlanExistsAsync(plan!, ct))
        {
            return Error.Validation("plan", SetUserPlanCommandValidator.Message);
        }

        if (await users.FindByIdAsync(userId, ct) is not { Status: not UserStatus.Deleted } user)
        {
            return Error.NotFound("User");
        }

        await users.SetPlanAsync(userId, plan!, clock.GetUtcNow(), ct);
        await audit.RecordAsync(AuditAction.PlanChanged, userId, client, ct,
            new Dictionary<string, object?> { ["from"] = user.Plan, ["to"] = plan }, admin.UserId);
        await uow.CommitAsync(ct);
        user.ChangePlan(plan!, clock.GetUtcNow());
        return AdminUserView.From(user);
    }
}
