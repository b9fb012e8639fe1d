using Himaya.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Himaya.Features.Services;

/// <summary>
/// Providers under /api/v1: the list (by kind, and those whose accreditation needs attention), one provider with its
/// contracts and contacts, changes to each; and the administrator's side of the taxonomy. See the README's table.
/// </summary>
public static class ProvidersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/providers", async (HttpContext http, ProviderRecords records, [FromQuery] string? kind, [FromQuery] string? expiring, CancellationToken ct) =>
        {
            var e = new FieldErrors();
            var k = QueryParse.Enum<ProviderKind>(e, "kind", kind);
            var soon = QueryParse.Bool(e, "expiring", expiring);
            if (!e.IsEmpty) return e.ToProblem();
            return (await records.ListAsync(http.Caller(), k, soon == true, ct)).ToResult(TypedResults.Ok);
        }).WithName("ListProviders").WithTags("Services").Requires(Permission.EditServices);
        api.MapGet("/providers/{id:int}", async (int id, HttpContext http, ProviderRecords records, CancellationToken ct) =>
            (await records.GetAsync(http.Caller(), id, ct)).ToResult(TypedResults.Ok)).WithName("GetProvider").WithTags("Services").Requires(Permission.EditServices);
        api.MapPut("/providers/{id:int}", (int id, HttpContext http, ProviderRecords records, CancellationToken ct) => http.WithBody<ProviderUpdate>(ct, async r =>
            (await records.UpdateAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ProviderUpdate>().WithName("UpdateProvider").WithTags("Services").Requires(Permission.ManageServices);
        api.MapPost("/providers/{id:int}/contracts", (int id, HttpContext http, ProviderRecords records, CancellationToken ct) => http.WithBody<ContractInput>(ct, async r =>
            (await records.AddContractAsync(http.Caller(), id, r, ct)).ToResult(p => TypedResults.Created($"/api/v1/providers/{id}", p))))
            .JsonBody<ContractInput>().WithName("AddProviderContract").WithTags("Services").Requires(Permission.ManageServices);
        api.MapPost("/providers/{id:int}/contracts/{contractId:int}/end", (int id, int contractId, HttpContext http, ProviderRecords records, CancellationToken ct) =>
            http.WithBody<ContractEnd>(ct, async r => (await records.EndContractAsync(http.Caller(), id, contractId, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ContractEnd>().WithName("EndProviderContract").WithTags("Services").Requires(Permission.ManageServices);
        api.MapPost("/providers/{id:int}/proposal", (int id, HttpContext http, ProviderRecords records, CancellationToken ct) => http.WithBody<ProposalInput>(ct, async r =>
            (await records.ProposeAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ProposalInput>().WithName("ProposeProviderContact").WithTags("Services").Requires(Permission.EditServices);
        api.MapPost("/providers/{id:int}/proposal/decision", (int id, HttpContext http, ProviderRecords records, CancellationToken ct) => http.WithBody<ProposalDecision>(ct, async r =>
            (await records.DecideProposalAsync(http.Caller(), id, r, ct)).ToResult(TypedResults.Ok)))
            .JsonBody<ProposalDecision>().WithName("DecideProviderProposal").WithTags("Services").Requires(Permission.ManageServices);
        api.MapPost("/providers/{id:int}/contacts", (int id, HttpContext http, ProviderRecords records, CancellationToken ct) => http.WithBody<ContactInput>(ct, async r =>
            (await records.AddContactAsync(http.Caller(), id, r, ct)).ToResult(p => TypedResults.Created($"/api/v1/providers/{id}", p))))
            .JsonBody<ContactInput>().WithName("AddProviderContact").WithTags("Services").Requires(Permission.EditServices);
        api.MapDelete("/providers/{id:int}/contacts/{contactId:int}", async (int id, int contactId, HttpContext http, ProviderRecords records, CancellationToken ct) =>
            (await records.RemoveContactAsync(http.Caller(), id, contactId, ct)).ToResult(TypedResults.Ok))
            .WithName("RemoveProviderContact").WithTags("Services").Requires(Permission.EditServices);

        api.MapPost("/service-types", (HttpContext http, ServiceTaxonomy taxonomy, CancellationToken ct) => http.WithBody<ServiceTypeInput>(ct, async r =>
            (await taxonomy.AddAsync(http.Caller(), r, ct)).ToResult(t => TypedResults.Created($"/api/v1/service-types/{t.Code}", t))))
            .JsonBody<ServiceTypeInput>().WithName("AddServiceType").WithTags("Services").Requires(Permission.ManageServiceTypes);
        api.MapPost("/service-types/{code}/retire", async (string code, HttpContext http, ServiceTaxonomy taxonomy, CancellationToken ct) =>
            (await taxonomy.RetireAsync(http.Caller(), code, ct)).ToResult(TypedResults.Ok))
            .WithName("RetireServiceType").WithTags("Services").Requires(Permission.ManageServiceTypes);
    }
}
