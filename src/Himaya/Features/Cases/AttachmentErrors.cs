using Himaya.Platform;

namespace Himaya.Features.Cases;

/// <summary>The refusals of a case document's upload, each with a stable code.</summary>
public static class AttachmentErrors
{
    public static Refusal FileRequired() => Refusal.OnField("attachment.file-required", "file");
    public static Refusal TooLarge(long megabytes) => Refusal.OnField("attachment.too-large", "file", megabytes);
    public static Refusal BadName() => Refusal.OnField("attachment.bad-name", "file");
    public static Refusal TypeNotAccepted(string extensions) => Refusal.OnField("attachment.type-not-accepted", "file", extensions);
    public static Refusal ContentNotType(string extension) => Refusal.OnField("attachment.content-not-type", "file", extension);
}
