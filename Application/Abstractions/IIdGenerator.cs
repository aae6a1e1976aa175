namespace AuthService.Application.Abstractions;

public interface IIdGenerator
{
    Guid NewId();
}
