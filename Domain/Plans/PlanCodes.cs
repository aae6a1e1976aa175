namespace AuthService.Domain.Plans;

public static class PlanCodes
{
    public const string Anonym = "anonym";
    public const string Free = "free";
    public const string Pro = "pro";
    public const string Enterprise = "enterprise";
}
