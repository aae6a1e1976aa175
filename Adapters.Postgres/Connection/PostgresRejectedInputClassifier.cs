using System.Text;
using AuthService.Domain.Common;

namespace AuthService.Adapters.Postgres.Connection;

/// <summary>
/// The last line behind the HTTP input checks: a value PostgreSQL refuses to store (bytes it
/// cannot encode, text too long for its column, a number out of range, malformed text for a
/// typed column) came from a client, so it is a 422, never a 500. The field is not named: the
/// database does not say which parameter it was.
/// </summary>
internal sealed class PostgresRejectedInputClassifier : IRejectedInputClassifier
{
    private static readonly HashSet<string> ClientDataStates =
    [
        PostgresErrorCodes.CharacterNotInRepertoire, // 22021: invalid byte sequence (a NUL, invalid UTF-8)
        PostgresErrorCodes.UntranslatableCharacter, // 22P05: \u0000 in jsonb
        PostgresErrorCodes.StringDataRightTruncation, // 22001: longer than the column allows
        PostgresErrorCodes.NumericValueOutOfRange, // 22003
        PostgresErrorCodes.InvalidTextRepresentation, // 22P02
        PostgresErrorCodes.InvalidDatetimeFormat, // 22007
        PostgresErrorCodes.DatetimeFieldOverflow, // 22008
        PostgresErrorCodes.InvalidParameterValue, // 22023
        PostgresErrorCodes.ProgramLimitExceeded, // 54000: e.g. a value too large for an index row
    ];

    public Error? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when ClientDataStates.Contains(pg.SqlState):
                    return Rejected();

                // Npgsql encodes text strictly: an unpaired surrogate cannot become UTF-8.
                case EncoderFallbackException:
                    return Rejected();
            }
        }

        return null;
    }

    private static Error Rejected() => new(
        ErrorCode.ValidationError,
        "The request contains a value that cannot be stored (a NUL or invalid character, or a value too long).");
}
