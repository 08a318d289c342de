// The console's one script (docs/console.md): served from our own path, so the content
// security policy (script-src 'self') allows it. Every page works without it.
(function () {
	'use strict';

	// Times: the server writes "3 hours ago" with the exact UTC time on hover; here both
	// follow the viewer's clock and time zone.
	var units = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60]];
	var relative = (window.Intl && Intl.RelativeTimeFormat) ? new Intl.RelativeTimeFormat(undefined, { numeric: 'always' }) : null;
	var exact = (window.Intl && Intl.DateTimeFormat) ? new Intl.DateTimeFormat(undefined, { year: 'numeric',
		month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }) : null;

	function describe(date) {
		var seconds = (date.getTime() - Date.now()) / 1000;
		if (!relative || Math.abs(seconds) < 60) {
			return Math.abs(seconds) < 60 ? 'just now' : null;
		}
		for (var i = 0; i < units.length; i++) {
			if (Math.abs(seconds) >= units[i][1] || units[i][0] === 'minute') {
				return relative.format(Math.trunc(seconds / units[i][1]), units[i][0]);
			}
		}
		return null;
	}

	function times(root) {
		var all = (root || document).querySelectorAll('time[datetime]');
		for (var i = 0; i < all.length; i++) {
			var date = new Date(all[i].getAttribute('datetime'));
			if (isNaN(date.getTime())) {
				continue;
			}
			var text = describe(date);
			if (text) {
				all[i].textContent = text;
			}
			if (exact) {
				all[i].title = exact.format(date);
			}
		}
	}

	// Keyboard shortcuts (listed on the page): j/k move through the queue or to the
	// next/previous case, x selects, c claims, a and d bring the accept button and the
	// denial reason into view; none acts while the viewer types.
	function typing(event) {
		var target = event.target;
		return event.ctrlKey || event.metaKey || event.altKey || (target && (target.isContentEditable
			|| /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)));
	}

	function rows() {
		return Array.prototype.slice.call(document.querySelectorAll('#queue tbody tr[data-case]'));
	}

	function move(step) {
		var list = rows();
		if (list.length === 0) {
			return false;
		}
		var at = list.findIndex(function (row) { return row.classList.contains('current'); });
		var next = Math.min(list.length - 1, Math.max(0, at < 0 ? 0 : at + step));
		list.forEach(function (row) { row.classList.remove('current'); });
		list[next].classList.add('current');
		var link = list[next].querySelector('a');
		if (link) {
			link.focus();
		}
		return true;
	}

	function go(id) {
		var element = document.getElementById(id);
		if (!element) {
			return false;
		}
		element.scrollIntoView({ block: 'center' });
		element.focus();
		return true;
	}

	function click(id) {
		var element = document.getElementById(id);
		if (!element) {
			return false;
		}
		element.click();
		return true;
	}

	document.addEventListener('keydown', function (event) {
		if (typing(event)) {
			return;
		}
		var done = false;
		switch (event.key) {
			case 'j': done = move(1) || click('next-case'); break;
			case 'k': done = move(-1) || click('previous-case'); break;
			case 'x': {
				var current = document.querySelector('#queue tr.current input[type=checkbox]');
				if (current) {
					current.checked = !current.checked;
					done = true;
				}
				break;
			}
			case 'c': done = click('claim'); break;
			case 'a': done = go('accept'); break;
			case 'd': done = go('deny-reason'); break;
			case '/': done = go('q') || go('quick-q'); break;
			default: break;
		}
		if (done) {
			event.preventDefault();
		}
	});

	document.addEventListener('DOMContentLoaded', function () { times(document); });
	// pages swapped in by htmx (hx-boost) get their times too
	document.addEventListener('htmx:load', function (event) { times(event.target); });
})();
