using System.Globalization;
using System.Text;

namespace Agency.Domain.PublicApi;

/// <summary>
/// Where a page of the conversations list ended: the last conversation's change time and id. Conversations are listed by
/// their last change, oldest first, so a client that keeps the cursor of its last page gets everything that changed since, once,
/// even when many conversations share one instant.
/// </summary>
public readonly record struct ApiCursor(DateTime ChangedAt, Guid Id)
{
    public string Encode()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{ChangedAt.Ticks}.{Id:N}");
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
    }

    /// <summary>The cursor a client sent back, or null when it is not one this API gave out.</summary>
    public static ApiCursor? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 100)
            return null;
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        var bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
            return null;
        var parts = Encoding.ASCII.GetString(bytes, 0, written).Split('.');
        if (
            parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks
            || ticks > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(parts[1], "N", out var id)
        )
            return null;
        return new ApiCursor(new DateTime(ticks, DateTimeKind.Utc), id);
    }
}
