console.log('content check: placeholder');
