namespace Agency.Domain.Channels;

/// <summary>The social networks a brand's accounts live on.</summary>
public enum Network
{
    X = 1,
    Facebook = 2,
    Instagram = 3,
    LinkedIn = 4,
    YouTube = 5,
    Reviews = 6,
}

public static class Networks
{
    public static string Describe(Network network) =>
        network switch
        {
            Network.X => "X / Twitter",
            Network.Facebook => "Facebook",
            Network.Instagram => "Instagram",
            Network.LinkedIn => "LinkedIn",
            Network.YouTube => "YouTube",
            Network.Reviews => "Reviews",
            _ => throw new ArgumentOutOfRangeException(nameof(network), network, "Unknown network."),
        };
}
