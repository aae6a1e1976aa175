namespace AuthService.Application.Common;

/// <summary>One page of a longer list: <paramref name="Page"/> from 1, <paramref name="Total"/> over all pages.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total)
{
    public PagedList<TOut> Map<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Page, PageSize, Total);
}
