namespace Agency.Domain.Common;

/// <summary>Rules that apply in order (classification, routing): moving one a place up or down renumbers them all.</summary>
public static class Ordering
{
    /// <returns>False when the item is not there or is already at that end.</returns>
    public static bool Move<T>(List<T> ordered, Func<T, Guid> id, Guid target, bool up, Action<T, int> setOrder)
    {
        var i = ordered.FindIndex(x => id(x) == target);
        var j = up ? i - 1 : i + 1;
        if (i < 0 || j < 0 || j >= ordered.Count)
            return false;
        (ordered[i], ordered[j]) = (ordered[j], ordered[i]);
        for (var k = 0; k < ordered.Count; k++)
            setOrder(ordered[k], k + 1);
        return true;
    }
}
