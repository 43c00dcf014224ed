package org.openvrm.market.internal;

import java.util.function.BiConsumer;

import org.springframework.stereotype.Component;

/** The steps of an award from elsewhere, each handed to {@link ProviderOrders}. */
abstract class OrderHandlers implements BecknHandler {

	private final String action;

	private final BiConsumer<ProviderOrders, Arrival> step;

	private final ProviderOrders orders;

	OrderHandlers(String action, BiConsumer<ProviderOrders, Arrival> step, ProviderOrders orders) {
		this.action = action;
		this.step = step;
		this.orders = orders;
	}

	@Override
	public String action() {
		return action;
	}

	@Override
	public void handle(Arrival arrival) {
		step.accept(orders, arrival);
	}

	@Component
	static class Select extends OrderHandlers {

		Select(ProviderOrders orders) {
			super("select", ProviderOrders::select, orders);
		}

	}

	@Component
	static class Init extends OrderHandlers {

		Init(ProviderOrders orders) {
			super("init", ProviderOrders::init, orders);
		}

	}

	@Component
	static class Confirm extends OrderHandlers {

		Confirm(ProviderOrders orders) {
			super("confirm", ProviderOrders::confirm, orders);
		}

	}

}
