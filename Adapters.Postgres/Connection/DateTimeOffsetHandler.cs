using System.Data;

namespace AuthService.Adapters.Postgres.Connection;

/// <summary>
/// timestamptz comes back from Npgsql as a UTC <see cref="DateTime"/>, which Dapper will not put
/// into a <see cref="DateTimeOffset"/> on its own; and Npgsql only writes offset-zero values.
/// </summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) =>
        parameter.Value = value.ToUniversalTime();

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset offset => offset,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => throw new DataException($"Cannot read a {value.GetType().Name} as a DateTimeOffset."),
    };
}
