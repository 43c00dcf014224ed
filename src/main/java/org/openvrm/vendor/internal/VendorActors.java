package org.openvrm.vendor.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openvrm.account.SignedInAccount;
import org.openvrm.vendor.ApiClients;
import org.openvrm.vendor.Membership;
import org.openvrm.vendor.VendorActor;
import org.openvrm.vendor.Vendors;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves the {@link VendorActor} of a request: the signed-in member, or the API client
 * of the bearer token. A token of a client revoked since it was issued, or one that names
 * another vendor than its client's, is refused here (401), so that revocation takes
 * effect at once.
 */
@Component
class VendorActors implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	static {
		// Resolved from the credentials, not sent by the caller: no parameter of the API
		// document.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(VendorActor.class);
	}

	private final Vendors vendors;

	private final ApiClients clients;

	VendorActors(Vendors vendors, ApiClients clients) {
		this.vendors = vendors;
		this.clients = clients;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return VendorActor.class.equals(parameter.getParameterType());
	}

	@Override
	public VendorActor resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Object principal = authentication == null ? null : authentication.getPrincipal();
		if (principal instanceof Jwt jwt) {
			return client(jwt);
		}
		if (principal instanceof SignedInAccount account) {
			Membership membership = vendors.requireMembership(account.id());
			return new VendorActor(membership.vendor().id(), "member", account.id().toString(), membership.isAdmin(),
					Set.copyOf(ApiClients.SCOPES));
		}
		throw new BadCredentialsException("no vendor on this request");
	}

	private VendorActor client(Jwt jwt) {
		String clientId = jwt.getClaimAsString("client_id");
		ApiClients.Registration client = clients.active(clientId)
			.orElseThrow(() -> new BadCredentialsException("the client was revoked"));
		if (!client.vendorId().toString().equals(jwt.getClaimAsString("vendor_id"))) {
			throw new BadCredentialsException("the token names another vendor than its client");
		}
		Set<String> scopes = new HashSet<>(
				jwt.getClaimAsStringList("scope") == null ? List.of() : jwt.getClaimAsStringList("scope"));
		scopes.retainAll(client.scopes());
		return new VendorActor(client.vendorId(), "client", clientId, false, Set.copyOf(scopes));
	}

}
