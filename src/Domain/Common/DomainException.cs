namespace Agency.Domain.Common;

/// <summary>A rule of the domain was broken by the caller's input; the message is fit to show.</summary>
public class DomainException(string message) : Exception(message);
