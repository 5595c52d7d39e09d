using Agency.Portal.Operations;
using Microsoft.AspNetCore.Http;

namespace Agency.Portal.Tests.Operations;

public sealed class SlowRequestsTests
{
    private static readonly TimeSpan Five = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("/Account/Login", 6.0, true)]
    [InlineData("/b/delta", 5.0, true)]
    [InlineData("/b/delta", 4.9, false)]
    [InlineData("/_blazor", 600.0, false)]
    [InlineData("/_blazor/negotiate", 30.0, false)]
    [InlineData("/api/v1/conversations", 12.0, true)]
    public void Requests_past_the_threshold_are_slow_except_blazor_s_own_connection(string path, double seconds, bool slow) =>
        Assert.Equal(slow, SlowRequests.IsSlow(new PathString(path), TimeSpan.FromSeconds(seconds), Five));

    [Fact]
    public void A_threshold_of_zero_turns_the_warning_off() =>
        Assert.False(SlowRequests.IsSlow(new PathString("/b/delta"), TimeSpan.FromMinutes(5), TimeSpan.Zero));
}
