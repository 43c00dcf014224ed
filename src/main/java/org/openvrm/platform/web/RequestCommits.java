package org.openvrm.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Notes on the request whether one of its transactions committed, so that an answer to a
 * later database failure in the same request can say truthfully whether anything was
 * saved. Boot adds every such listener to the transaction manager.
 */
@Component
class RequestCommits implements TransactionExecutionListener {

	static final String COMMITTED = RequestCommits.class.getName() + ".committed";

	@Override
	public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && transaction.isNewTransaction()) {
			request.setAttribute(COMMITTED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
		}
	}

	static boolean anyIn(HttpServletRequest request) {
		return request.getAttribute(COMMITTED) != null;
	}

}
