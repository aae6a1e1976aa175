namespace AuthService.Application.Common;

/// <summary>A list query's paging as sent in the query string (digits only; absent: the first page of <see cref="Rules.DefaultPageSize"/>).</summary>
public interface IPageRequest
{
    string? Page { get; }

    string? PageSize { get; }
}

/// <summary>Included by the validator of every paged query.</summary>
internal sealed class PageRequestValidator : AbstractValidator<IPageRequest>
{
    public PageRequestValidator()
    {
        RuleFor(q => q.Page).PageNumber();
        RuleFor(q => q.PageSize).PageSize();
    }

    /// <summary>The page and its size, once the query is valid.</summary>
    public static (int Page, int Size) Of(IPageRequest query) =>
        (Rules.ParseWholeNumber(query.Page) ?? 1, Rules.ParseWholeNumber(query.PageSize) ?? Rules.DefaultPageSize);
}
